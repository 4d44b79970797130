package vn.kyso.api.cluster;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link ClusterJobs} for the schedulers, on the service's database when it has one. */
@Configuration(proxyBeanMethods = false)
class ClusterJobsConfiguration {

    @Bean
    ClusterJobs clusterJobs(ObjectProvider<DataSource> database) {
        return new ClusterJobs(database.getIfAvailable());
    }
}
