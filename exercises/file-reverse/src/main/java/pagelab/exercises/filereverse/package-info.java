/** The {@code file-reverse} exercise (chapter 17): the book's FileRev, reversing a file in place through a view. */
package pagelab.exercises.filereverse;
