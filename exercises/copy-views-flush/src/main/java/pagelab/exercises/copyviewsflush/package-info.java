/**
 * The {@code copy-views-flush} exercise (chapter 17): a document edited in a copy-on-write view (FILE_MAP_COPY) and
 * saved through a writable view (FILE_MAP_WRITE) of the same file mapping, with FlushViewOfFile.
 */
package pagelab.exercises.copyviewsflush;
