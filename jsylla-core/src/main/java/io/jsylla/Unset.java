package io.jsylla;

/**
 * Binding {@code Unset.VALUE} to a variable leaves the bound variable unset: the statement behaves
 * as if that variable were not in it, so an INSERT or UPDATE leaves the column as it is instead of
 * writing a null (which would create a tombstone). Only valid as a whole bound value, not inside a
 * collection, tuple or UDT.
 */
public enum Unset {
    VALUE
}
