"""Analysis of stored records: summaries, timelines, dyads, networks."""
