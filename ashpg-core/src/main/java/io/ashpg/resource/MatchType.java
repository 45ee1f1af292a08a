package io.ashpg.resource;

/** {@code MATCH} type of a composite foreign key. */
public enum MatchType { SIMPLE, PARTIAL, FULL }
