package dev.quiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Quiver: a vector database service that speaks the Milvus RESTful API v1. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuiverApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuiverApplication.class, args);
    }
}
