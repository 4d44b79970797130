/** Spring Boot auto-configuration of the letters workflow over the application's data source. */
package vn.kyso.letters.autoconfigure;
