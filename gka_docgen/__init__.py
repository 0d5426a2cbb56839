"""gka-docgen: the GKA-Agenda and Addendum as DOCX and PDF, from one YAML file per municipality."""

__version__ = "0.1.0"
