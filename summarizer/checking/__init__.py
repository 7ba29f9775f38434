"""Every check of an output against its sources: grounding and the claim checker."""
