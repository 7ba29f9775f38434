"""The timeline: stored reports, happenings merged from them, and the query over them."""
