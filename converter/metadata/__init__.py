"""A `Report` → its fields: title, year, issuer, type, date, region, topics; staff overrides; page names."""
