"""Where the database, the network and the pure steps meet: one module per pipeline step
(ingestion, fetching, checking, decisions, reporting, running), called alike by the CLI, the
worker, the review desk and the tests."""
