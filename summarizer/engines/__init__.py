"""Engines: the offline `extractive` default and the `llm` engine, behind one interface."""
