package io.newsflow.enrich.tag;

/** What a tag names. Mirrors the Avro TagType symbols by name. */
public enum EntityType { PERSON, PLACE, ORGANIZATION, TOPIC, OTHER }
