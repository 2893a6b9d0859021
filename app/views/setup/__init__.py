"""First run: choosing where the desk's database lives (this computer, or the team's server)."""

from app.views.setup.first_run_dialog import FirstRunDialog

__all__ = ["FirstRunDialog"]
