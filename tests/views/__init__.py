"""Tests of the Qt views, one view at a time, driven with pytest-qt."""
