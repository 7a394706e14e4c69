/**
 * Files PageLab reads and writes for the student: sources decoded as an editor would ({@link
 * pagelab.app.files.SourceText}), and the data folder's register of running PageLab processes with the clean-up of
 * what killed ones left behind ({@link pagelab.app.files.DataFolder}).
 */
package pagelab.app.files;
