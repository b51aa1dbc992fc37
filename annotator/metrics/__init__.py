"""Pure maths over spans: matching, chance-corrected agreement, consensus, agreement and evaluation figures,
correction telemetry, time spent. No database, no spaCy, no Textual: the store-reading side is `annotator.reports`."""
