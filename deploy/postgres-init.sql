-- A second database for the vulnerability data (`--vuln-db`), beside the service's store.
CREATE DATABASE customs_vulns OWNER customs;
