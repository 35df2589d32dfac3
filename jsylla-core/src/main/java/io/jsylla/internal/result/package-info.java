/**
 * Results as the application reads them: pages of rows kept in the bytes they arrived in and
 * decoded cell by cell on access ({@code RowsData}, {@code LazyRow}), record mapping, and the
 * pager that fetches page after page.
 */
package io.jsylla.internal.result;
