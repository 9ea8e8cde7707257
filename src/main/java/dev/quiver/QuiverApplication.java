package dev.quiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Quiver: a vector database service that speaks the Milvus RESTful API v1. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QuiverApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuiverApplication.class, args);
    }
}
