package dev.accessaudit.streams.rules.custom;

/**
 * One problem with a CEL expression.
 *
 * @param offset where in the expression text (0-based, in characters) the problem is
 * @param message what is wrong, in CEL's words
 */
public record CelIssueAt(int offset, String message) {}
