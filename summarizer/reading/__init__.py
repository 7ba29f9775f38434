"""Reading what a text states: its sentences, dates, places, figures, actors and facts."""
