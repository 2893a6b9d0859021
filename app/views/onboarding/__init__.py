"""The client data-capture form: the "Onboarding" tab of the client page."""

from app.views.onboarding.onboarding_view import OnboardingView

__all__ = ["OnboardingView"]
