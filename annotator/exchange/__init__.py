"""Files in and out: reading and writing files (`files`), articles in (`ingest`), native records out and in
(`records`), other tools' formats (`formats/`), the JSON Schemas (`schemas`). Never SQL: the store does that."""
