"""Browsing clients with their sites and contacts."""

from app.views.clients.clients_view import ClientsView

__all__ = ["ClientsView"]
