"""Actors: recognise who acts and code them by country and sector."""
