"""Shared plumbing: settings, topics, records, codec, ids, metrics, dead letters."""
