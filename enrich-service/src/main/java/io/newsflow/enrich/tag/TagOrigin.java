package io.newsflow.enrich.tag;

/** How a tag was found. Mirrors the Avro TagOrigin symbols by name. */
public enum TagOrigin { FOOTER, GAZETTEER, PATTERN, MODEL, OTHER }
