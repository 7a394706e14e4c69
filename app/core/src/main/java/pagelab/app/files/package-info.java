/**
 * Files PageLab reads and writes for the student: sources decoded as an editor would ({@link
 * pagelab.app.files.SourceText}), whole-file writes with the user's umask ({@link pagelab.app.files.NewFiles}), the
 * source checkout a command runs in ({@link pagelab.app.files.SourceCheckout}), and the data folder's register of running PageLab processes with the clean-up of
 * what killed ones left behind ({@link pagelab.app.files.DataFolder}).
 */
package pagelab.app.files;
