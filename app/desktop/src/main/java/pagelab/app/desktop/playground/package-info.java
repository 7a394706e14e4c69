/** The playground: a console of Win32 calls on a fresh simulated process, with sessions saved and replayed. */
package pagelab.app.desktop.playground;
