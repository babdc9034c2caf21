package io.newsflow.training.topics;

/**
 * One labelled text.
 *
 * @param language ISO 639-1
 * @param source   where it comes from (a name in tools/topic-classifier/sources.tsv)
 * @param shape    {@code headline}, {@code headline+description}, {@code lead} (a title run into the first sentence) or
 *                 {@code sentence}
 * @param title    a separate title, or null
 * @param body     the text
 * @param label    the IPTC top-level label
 * @param group    texts of one group go to the same split (the UCI story cluster; else the text itself)
 */
record Example(String language, String source, String shape, String title, String body, String label, String group) {
}
