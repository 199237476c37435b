"""``wellbeing experiment start|checkin|prompt|questionnaire|phone|status|report|export|abandon``.

Registered by ``wellbeing.cli``. No Qt. Everything goes through
``services.experiment``; a bad value (out of range, a future date, a date
outside the experiment, a wrong number of answers) is a usage error: one
message on stderr naming the problem, exit 2, nothing written.

``report --json`` prints the report's documented shape (README, "The
self-experiment"); ``status --json`` prints where the experiment stands.
"""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from wellbeing import logs
from wellbeing.core.i18n import decimal, decimal_point, translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import UsageError

EXIT_OK = 0

#: The phases as ``status`` names them (the report's JSON keeps the English kinds).
PHASE_NAMES = {
    "baseline": QT_TRANSLATE_NOOP("CliExperiment", "baseline"),
    "limited": QT_TRANSLATE_NOOP("CliExperiment", "limited"),
    "usual": QT_TRANSLATE_NOOP("CliExperiment", "usual"),
    "follow-up": QT_TRANSLATE_NOOP("CliExperiment", "follow-up"),
    None: QT_TRANSLATE_NOOP("CliExperiment", "not started yet"),
}
PRIMARY_CHOICES = ("mood", "lonely", "anxious", "missed_out", "who5", "ucla3", "phq8", "gad7")


def add_experiment_parser(sub: Any) -> None:
    """Add ``experiment`` and its subcommands to the top-level subparsers ``sub``."""
    parser = sub.add_parser(
        "experiment",
        help=translate("CliExperiment", "run a self-experiment: a baseline week, then limited "
                       "weeks, with check-ins"),
        description=translate(
            "CliExperiment", "Find out, on yourself, whether using social media less makes you "
            "feel better: a baseline week of tracking, then weeks with a daily limit on each "
            "chosen platform, with an evening check-in and weekly questionnaires. Not medical "
            "advice."),
    )
    actions = parser.add_subparsers(dest="experiment_command", required=True,
                                    metavar=translate("CliExperiment", "ACTION"))

    start = actions.add_parser("start",
                               help=translate("CliExperiment", "set up and start an experiment"))
    start.add_argument("--design", choices=("classic", "randomized"), default="classic",
                       help=translate("CliExperiment", "classic: 1 baseline week, 3 limited "
                                      "weeks; randomized: limited and usual weeks in a random "
                                      "order within pairs (stronger evidence)"))
    start.add_argument("--targets", required=True, help=translate(
        "CliExperiment", "comma-separated sites or apps, e.g. instagram.com,facebook.com"))
    start.add_argument("--limit", default="10m", help=translate(
        "CliExperiment", "daily limit per target (default 10m)"))
    start.add_argument("--checkin-at", default="21:00",
                       help=translate("CliExperiment", "evening check-in time (HH:MM)"))
    start.add_argument("--primary", choices=PRIMARY_CHOICES, default="mood", help=translate(
        "CliExperiment", "the main question, chosen now so the report cannot cherry-pick"))
    start.add_argument("--start", type=_day, help=translate(
        "CliExperiment", "first day of the baseline (default today)"))
    start.add_argument("--follow-up", action="store_true", help=translate(
        "CliExperiment", "classic only: one more week with the limits off"))
    start.add_argument("--pairs", type=int, default=2, help=translate(
        "CliExperiment", "randomized only: pairs of weeks (2 to 4, default 2)"))
    start.add_argument("--prompts", type=int, default=0, choices=(0, 1, 2), help=translate(
        "CliExperiment", "short daytime prompts (mood right now) at random times, 2 h apart"))

    for_day = translate("CliExperiment", "the day it is for (default today)")
    checkin = actions.add_parser(
        "checkin", help=translate("CliExperiment", "the evening check-in (0-10 each)"))
    for name in ("mood", "lonely", "anxious", "missed-out"):
        checkin.add_argument(f"--{name}", type=int, required=True)
    checkin.add_argument("--note", default="", help=translate("CliExperiment", "an optional note"))
    checkin.add_argument("--date", type=_day, help=for_day)

    questionnaire = actions.add_parser(
        "questionnaire", help=translate("CliExperiment", "answer a weekly questionnaire"))
    questionnaire.add_argument("instrument", choices=("who5", "ucla3", "phq8", "gad7"))
    questionnaire.add_argument("--answers", required=True, help=translate(
        "CliExperiment", "the answers' values in item order, e.g. 3,2,1,3,2"))
    questionnaire.add_argument("--date", type=_day, help=for_day)

    prompt = actions.add_parser(
        "prompt", help=translate("CliExperiment", "answer the daytime prompt open now (0-10)"))
    prompt.add_argument("--mood", type=int, required=True,
                        help=translate("CliExperiment", "your mood right now, 0-10"))

    phone = actions.add_parser(
        "phone", help=translate("CliExperiment", "screen time read off your phone for a target"))
    phone.add_argument("target")
    phone.add_argument("--minutes", type=int, required=True,
                       help=translate("CliExperiment", "minutes a day"))
    phone.add_argument("--date", type=_day, help=for_day)

    status = actions.add_parser(
        "status", help=translate("CliExperiment", "day, phase, adherence and check-ins"))
    status.add_argument("--json", action="store_true")
    report = actions.add_parser(
        "report", help=translate("CliExperiment", "what changed (so far, while it runs)"))
    report.add_argument("--json", action="store_true")
    export = actions.add_parser(
        "export", help=translate("CliExperiment", "CSV and JSON of the whole experiment"))
    export.add_argument("-o", "--output", type=Path, required=True,
                        help=translate("CliExperiment", "a folder"))
    actions.add_parser("abandon", help=translate(
        "CliExperiment", "end it now: all data is kept, its limits go"))


def cmd_experiment(args: argparse.Namespace) -> int:
    """Run ``wellbeing experiment ACTION``."""
    from wellbeing.services.context import open_context
    from wellbeing.services.experiment_admin import open_experiment_service

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    ctx = open_context(args.data_dir, args.db)
    try:
        service = open_experiment_service(ctx)
        return int(_ACTIONS[args.experiment_command](args, ctx, service))
    finally:
        ctx.close()


def _start(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    from wellbeing.core.limits import LimitError, parse_duration
    from wellbeing.services.experiment import Setup
    from wellbeing.services.experiment_admin import targets_from_text

    try:
        seconds = parse_duration(args.limit)
    except LimitError as exc:
        raise UsageError(str(exc)) from exc
    setup = Setup(
        design=args.design,
        targets=targets_from_text(ctx, service, args.targets.split(",")),
        limit_seconds=seconds,
        checkin_minute=_minute(args.checkin_at),
        primary=args.primary,
        follow_up=args.follow_up,
        pairs=args.pairs,
        prompts_per_day=args.prompts,
        start=args.start,
    )
    status = service.start(setup)
    print(translate("CliExperiment", "Started: day 1 of {days}. The baseline week starts "
                    "{first}: use your computer as usual; check in each evening.").format(
        days=status.days_total,
        first=status.phase_first.isoformat() if status.phase_first else setup.start))
    print(translate("CliExperiment", "This is not medical advice. Need help now? {url}").format(
        url="https://findahelpline.com"))
    return EXIT_OK


def _checkin(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    from wellbeing.services.experiment import Checkin

    saved = service.checkin(
        Checkin(args.mood, args.lonely, args.anxious, args.missed_out, args.note), args.date
    )
    sentences = {
        (False, False): translate("CliExperiment", "Check-in for {day} saved."),
        (False, True): translate("CliExperiment", "Check-in for {day} saved (marked late)."),
        (True, False): translate("CliExperiment", "Check-in for {day} replaced the earlier one."),
        (True, True): translate(
            "CliExperiment", "Check-in for {day} replaced the earlier one (marked late)."),
    }
    print(sentences[bool(saved.replaced), bool(saved.late)].format(day=saved.day.isoformat()))
    return EXIT_OK


def _questionnaire(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    answers = []
    for number, part in enumerate(args.answers.split(","), start=1):
        try:
            answers.append(int(part.strip()))
        except ValueError:
            raise UsageError(translate(
                "CliExperiment", "Answer {number} ({text}) is not a whole number."
            ).format(number=number, text=repr(part.strip()))) from None
    result = service.answer(args.instrument, answers, args.date)
    saved = (translate("CliExperiment", "{questionnaire}: {score} ({band}). Saved.")
             if result.band else translate("CliExperiment", "{questionnaire}: {score}. Saved."))
    print(saved.format(questionnaire=args.instrument, score=result.score, band=result.band))
    return EXIT_OK


def _prompt(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    from datetime import datetime

    now = datetime.now()
    slot = service.answer_prompt(args.mood, now.hour * 60 + now.minute)
    print(translate("CliExperiment", "Prompt {number} of today saved.").format(number=slot + 1))
    return EXIT_OK


def _phone(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    service.record_phone(args.target, args.minutes * 60, args.date)
    print(translate("CliExperiment", "Phone time for {target} saved (self-reported).").format(
        target=args.target))
    return EXIT_OK


def _status(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    status = service.status()
    if args.json:
        print(json.dumps(None if status is None else _jsonable(asdict(status))))
        return EXIT_OK
    if status is None:
        print(translate("CliExperiment",
                        "No experiment yet. Start one with 'wellbeing experiment start'."))
        return EXIT_OK
    if status.finished:
        state = translate("CliExperiment", "Experiment ({design}, main question: {primary}): "
                          "finished.")
    elif status.abandoned:
        state = translate("CliExperiment", "Experiment ({design}, main question: {primary}): "
                          "abandoned.")
    else:
        state = translate("CliExperiment", "Experiment ({design}, main question: {primary}): "
                          "running.")
    print(state.format(design=status.design, primary=status.primary))
    if not (status.finished or status.abandoned):
        print(translate("CliExperiment", "Day {day} of {days}; phase: {phase}.").format(
            day=status.day_number, days=status.days_total,
            phase=translate("CliExperiment", PHASE_NAMES.get(status.phase, str(status.phase)))))
    print(translate("CliExperiment", "Days within the limits: {within} of {days}.").format(
        within=status.adherence_days_within, days=status.adherence_days))
    missing = ", ".join(d.isoformat() for d in status.checkins_missing)
    print((translate("CliExperiment", "Check-ins: {done} done; missing: {missing}.") if missing
           else translate("CliExperiment", "Check-ins: {done} done; missing: none.")).format(
        done=status.checkins_done, missing=missing))
    for key, day in status.questionnaires_due:
        print(translate("CliExperiment", "Due: the {questionnaire} questionnaire (for {day}).")
              .format(questionnaire=key, day=day.isoformat()))
    return EXIT_OK


def _report(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    report = service.report()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
        return EXIT_OK
    print(report.shown_summary(decimal_point()))
    for name, measure in report.to_json()["measures"].items():
        ci = measure["ci95"]
        diff = translate("CliExperiment", "not enough data") if measure["difference"] is None else (
            translate("CliExperiment", "{difference} (95% range {low} to {high})").format(
                difference=decimal(measure["difference"], 2, sign=True),
                low=decimal(ci[0], 2), high=decimal(ci[1], 2)))
        print("  " + translate(
            "CliExperiment", "{measure} baseline {baseline}  limited {limited}  difference "
            "{difference}").format(measure=f"{name:<11}", baseline=_num(measure["baseline_mean"]),
                                   limited=_num(measure["limited_mean"]), difference=diff))
    return EXIT_OK


def _export(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    from wellbeing.services.experiment_export import export_experiment

    files = export_experiment(service, args.output)
    print(translate("CliExperiment", "Wrote {count} files to {folder}.").format(
        count=len(files), folder=args.output))
    return EXIT_OK


def _abandon(args: argparse.Namespace, ctx: Any, service: Any) -> int:
    service.abandon()
    print(translate("CliExperiment", "The experiment is ended. Everything you answered is kept; "
                    "its limits are gone."))
    return EXIT_OK


_ACTIONS = {
    "start": _start,
    "checkin": _checkin,
    "questionnaire": _questionnaire,
    "prompt": _prompt,
    "phone": _phone,
    "status": _status,
    "report": _report,
    "export": _export,
    "abandon": _abandon,
}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "CliExperiment", "{text} is not a date (YYYY-MM-DD)").format(text=repr(text))) from None


def _minute(text: str) -> int:
    hours, _, minutes = text.partition(":")
    try:
        value = int(hours) * 60 + int(minutes)
    except ValueError:
        raise UsageError(translate("CliExperiment", "{text} is not a time of day (HH:MM).")
                         .format(text=repr(text))) from None
    if not (0 <= int(hours) < 24 and 0 <= int(minutes) < 60):
        raise UsageError(translate("CliExperiment", "{text} is not a time of day (HH:MM).")
                         .format(text=repr(text)))
    return value


def _num(value: float | None) -> str:
    return "–" if value is None else decimal(value, 2)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
