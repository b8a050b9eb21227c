"""The guide a person can give a partner: what post-coital dysphoria is, what has helped
them, and what they would like afterwards (a page, insights:partner_guide, and a PDF)."""
