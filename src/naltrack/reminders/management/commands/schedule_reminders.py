from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from naltrack.reminders import services
from naltrack.reminders.tasks import send_notification


class Command(BaseCommand):
    help = "Run one reminder tick: create the notifications now due and queue them for sending."

    def handle(self, *args: Any, **options: Any) -> None:
        result = services.reminders_tick(
            now=timezone.now(), send=lambda pk: send_notification.enqueue(pk)
        )
        self.stdout.write(
            f"{result.created} notification(s) created, {result.already_there} already there"
        )
