bundled_decks_en = \
	decks/en/closing.yaml \
	decks/en/competency.yaml \
	decks/en/culture-fit.yaml \
	decks/en/preparation.yaml \
	decks/en/questions-to-ask.yaml \
	decks/en/second-round.yaml \
	decks/en/situational.yaml

bundled_decks_nl = \
	decks/nl/closing.yaml \
	decks/nl/competency.yaml \
	decks/nl/culture-fit.yaml \
	decks/nl/preparation.yaml \
	decks/nl/questions-to-ask.yaml \
	decks/nl/second-round.yaml \
	decks/nl/situational.yaml

contrib_decks = contrib/example-company.en.yaml contrib/example-company.nl.yaml
