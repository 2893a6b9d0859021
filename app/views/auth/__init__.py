"""Signing in, and creating the first admin account on a new install."""

from app.views.auth.first_admin_dialog import FirstAdminDialog
from app.views.auth.sign_in_dialog import SignInDialog

__all__ = ["FirstAdminDialog", "SignInDialog"]
