/** The exercise's instructions (Markdown rendered for Swing) and the Java editor holding the student's files. */
package pagelab.app.desktop.editor;
