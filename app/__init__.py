"""MSP Helpdesk: a desktop help desk for small managed service providers."""

__version__ = "0.1.0"
