"""wellbeing: honest screen-time tracking, daily limits and a guided self-experiment."""

__version__ = "0.1.0"
