package io.newsflow.ingest;

/** An input that cannot become a RawArticle; the message is one line saying what is wrong. */
public class InvalidArticleException extends Exception {
    public InvalidArticleException(String message) {
        super(message);
    }
}
