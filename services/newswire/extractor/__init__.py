"""Claim extraction: sentences, quantities, speakers, hedges, entities and check-worthiness."""
