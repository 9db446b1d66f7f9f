"""Naltrack: software for running a naltrexone treatment program."""
