"""What is reminded, and when: a month on injections across a DST change, tapers and stops."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from naltrack.care import services as care_services
from naltrack.care.models import Patient
from naltrack.reminders import services
from naltrack.reminders.models import Notification
from naltrack.reminders.schedule import ReminderData, at_local, reminders_due
from tests.care.helpers import started
from tests.reminders.helpers import NEW_YORK, UTC, local, run_clock

pytestmark = pytest.mark.django_db

OCT_5 = dt.date(2026, 10, 5)


def on_injections(patient: Patient, clinician) -> None:
    _, regimen = started(patient, clinician, kind="xr_monthly", day=OCT_5)
    care_services.injection_record(
        regimen=regimen, given_on=OCT_5, site="left_gluteal", lot="L1", given_by=clinician
    )
    # A session on the day the clocks go back (2026-11-01, 02:00 EDT → 01:00 EST).
    care_services.therapy_session_schedule(
        patient=patient,
        kind="cbt",
        scheduled_at=local(dt.date(2026, 11, 1), 15),
        counsellor=clinician,
        by=clinician,
    )


def test_a_month_on_injections_across_the_autumn_clock_change(patient, clinician):
    on_injections(patient, clinician)
    run_clock(local(OCT_5, 0), local(dt.date(2026, 11, 5), 0))

    rows = list(Notification.objects.order_by("due_at"))
    got = [(n.kind, n.due_at.astimezone(NEW_YORK).strftime("%Y-%m-%d %H:%M %Z")) for n in rows]
    assert got == [
        # Two whole days without a check-in after the episode opened.
        ("check_in_nudge", "2026-10-08 09:00 EDT"),
        ("injection_7d", "2026-10-26 09:00 EDT"),
        ("session_day_before", "2026-10-31 09:00 EDT"),
        ("injection_1d", "2026-11-01 09:00 EST"),
        ("session_2h", "2026-11-01 13:00 EST"),
        ("injection_day", "2026-11-02 09:00 EST"),
        ("injection_overdue", "2026-11-03 09:00 EST"),
    ]
    # The wall clock stays at 09:00; the UTC moment moves by the hour the clocks went back.
    assert rows[1].due_at.astimezone(UTC).hour == 13
    assert rows[3].due_at.astimezone(UTC).hour == 14
    assert all(n.status == "sent" and n.attempts == 1 for n in rows)
    assert [n.essential for n in rows] == [False] * 6 + [True]
    assert len(mail.outbox) == 7


def test_an_injection_given_on_time_ends_the_countdown(patient, clinician):
    on_injections(patient, clinician)
    regimen = patient.regimens.get()
    care_services.injection_record(
        regimen=regimen,
        given_on=dt.date(2026, 11, 2),
        site="right_gluteal",
        lot="L2",
        given_by=clinician,
    )
    run_clock(local(dt.date(2026, 11, 2), 0), local(dt.date(2026, 11, 4), 0))
    assert not Notification.objects.filter(kind="injection_overdue").exists()


def test_the_overdue_reminder_carries_the_safety_facts_when_the_patient_opted_in(
    patient, clinician
):
    on_injections(patient, clinician)
    services.preference_update(patient=patient, by=None, opted_in_details=True)
    run_clock(local(dt.date(2026, 11, 3), 8), local(dt.date(2026, 11, 3), 10))
    body = Notification.objects.get(kind="injection_overdue").body
    assert "tolerance to opioids is lower" in body
    assert "overdose" in body
    assert "naloxone" in body


def test_messages_name_nothing_private_without_the_patients_opt_in(patient, clinician):
    on_injections(patient, clinician)
    run_clock(local(dt.date(2026, 10, 26), 8), local(dt.date(2026, 11, 3), 10))
    for notification in Notification.objects.all():
        text = (notification.subject + notification.body).lower()
        for word in ("naltrexone", "opioid", "injection", "alcohol", "overdose", "therapy"):
            assert word not in text
        assert "Riverside" in notification.body
        assert "http://" in notification.body


def step_down(patient, clinician, *, strategy: str = "step_down") -> None:
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=dt.date(2026, 3, 1), indication="AUD"
    )
    inputs = {
        "start": "2026-03-10",
        "formulation": "oral",
        "current_dose_mg": 50,
        "strategy": strategy,
    }
    if strategy != "stop":
        inputs["step_days"] = 3
    care_services.discontinuation_plan_store(episode=episode, inputs=inputs, by=clinician)


def daily_at_nine(first: dt.date, last: dt.date) -> None:
    day = first
    while day <= last:
        moment = at_local(day, dt.time(9), NEW_YORK)
        services.reminders_tick(
            now=moment,
            send=lambda pk, now=moment: services.notification_send(notification_id=pk, now=now),
        )
        day += dt.timedelta(days=1)


def test_a_taper_plans_daily_doses_and_follow_ups_are_reminded(patient, clinician):
    step_down(patient, clinician)
    services.preference_update(patient=patient, by=None, opted_in_details=True)
    daily_at_nine(dt.date(2026, 3, 8), dt.date(2026, 6, 10))

    doses = Notification.objects.filter(kind="dose").order_by("due_at")
    assert [
        (n.due_at.astimezone(NEW_YORK).date().isoformat(), n.body.split(":")[1]) for n in doses
    ] == [
        ("2026-03-08", " your naltrexone today"),
        ("2026-03-09", " your naltrexone today"),
        ("2026-03-10", " your naltrexone today"),
        ("2026-03-11", " your naltrexone today"),
        ("2026-03-12", " your naltrexone today"),
    ]
    assert [("50 mg" in n.body, "25 mg" in n.body) for n in doses] == [
        (True, False),
        (True, False),
        (False, True),
        (False, True),
        (False, True),
    ]
    # 09:00 on the day the clocks went forward (2026-03-08) and after it.
    assert {n.due_at.astimezone(NEW_YORK).hour for n in doses} == {9}
    follow_ups = Notification.objects.filter(kind="follow_up").order_by("due_at")
    assert [n.due_at.astimezone(NEW_YORK).date().isoformat() for n in follow_ups] == [
        "2026-03-19",
        "2026-03-26",
        "2026-04-09",
        "2026-05-08",  # the 9th is a Saturday: the Friday before
        "2026-06-09",
    ]
    assert all(n.essential and n.status == "sent" for n in follow_ups)


def test_a_stopped_episode_gets_no_dose_reminders_but_its_follow_ups(patient, clinician):
    step_down(patient, clinician, strategy="stop")
    daily_at_nine(dt.date(2026, 3, 10), dt.date(2026, 3, 20))
    assert not Notification.objects.filter(kind="dose").exists()
    assert list(Notification.objects.values_list("kind", flat=True)) == ["follow_up"]


def test_a_paused_patient_gets_only_the_essential_ones(patient, clinician):
    on_injections(patient, clinician)
    services.preference_update(patient=patient, by=None, paused_non_essential=True)
    run_clock(local(dt.date(2026, 10, 25), 0), local(dt.date(2026, 11, 4), 0))
    sent = Notification.objects.filter(status="sent")
    assert list(sent.values_list("kind", flat=True)) == ["injection_overdue"]
    skipped = Notification.objects.filter(status="skipped")
    assert skipped.count() == 5
    assert {n.reason for n in skipped} == {"reminders paused by the patient"}
    assert len(mail.outbox) == 1


def test_quiet_hours_move_a_reminder_to_their_end(patient, clinician):
    on_injections(patient, clinician)
    services.preference_update(
        patient=patient, by=None, quiet_start=dt.time(22), quiet_end=dt.time(9, 30)
    )
    run_clock(
        local(dt.date(2026, 10, 26), 8), local(dt.date(2026, 10, 26), 11), dt.timedelta(minutes=15)
    )
    reminder = Notification.objects.get(kind="injection_7d")
    assert reminder.due_at == local(dt.date(2026, 10, 26), 9)
    assert reminder.send_after == local(dt.date(2026, 10, 26), 9, 30)
    assert reminder.sent_at == local(dt.date(2026, 10, 26), 9, 30)


def test_the_patients_own_time_zone_and_time_win_over_the_clinics(patient, clinician):
    on_injections(patient, clinician)
    services.preference_update(
        patient=patient, by=None, time_zone="America/Los_Angeles", reminder_time=dt.time(7, 15)
    )
    run_clock(
        local(dt.date(2026, 10, 26), 0), local(dt.date(2026, 10, 27), 0), dt.timedelta(minutes=15)
    )
    reminder = Notification.objects.get(kind="injection_7d")
    assert reminder.due_at.astimezone(UTC) == dt.datetime(2026, 10, 26, 14, 15, tzinfo=UTC)


def test_the_planner_is_pure_and_uses_the_catch_up_window():
    data = ReminderData(zone=NEW_YORK, reminder_time=dt.time(9), follow_ups=(dt.date(2026, 5, 1),))
    assert reminders_due(patient_data=data, now=local(dt.date(2026, 5, 1), 8, 59)) == []
    due = reminders_due(patient_data=data, now=local(dt.date(2026, 5, 1), 14))
    assert [(r.kind, r.essential) for r in due] == [("follow_up", True)]
    # Past the catch-up window a missed tick does not send it late.
    assert reminders_due(patient_data=data, now=local(dt.date(2026, 5, 1), 15, 1)) == []


def test_a_missed_injection_is_reminded_on_days_1_3_and_7_then_stops(patient, clinician):
    """The overdue reminder repeats rather than going out once (VIVITROL, TIP63)."""
    on_injections(patient, clinician)
    run_clock(local(dt.date(2026, 11, 2), 12), local(dt.date(2026, 11, 20), 0))
    overdue = Notification.objects.filter(kind="injection_overdue").order_by("due_at")
    days = [n.due_at.astimezone(NEW_YORK).date() for n in overdue]
    assert days == [dt.date(2026, 11, 3), dt.date(2026, 11, 5), dt.date(2026, 11, 9)]
    assert all(n.essential for n in overdue)
