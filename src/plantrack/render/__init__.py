"""Everything a user sees is rendered here: tables, JSON, messages, in their language."""
