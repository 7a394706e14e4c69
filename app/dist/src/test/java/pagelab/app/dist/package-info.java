/** Tests of the distribution: what it ships is every exercise module, loaded, on the track and documented. */
package pagelab.app.dist;
