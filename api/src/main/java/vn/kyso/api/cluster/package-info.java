/** What makes several instances on one database one service: scheduled jobs that run once per cluster. */
package vn.kyso.api.cluster;
