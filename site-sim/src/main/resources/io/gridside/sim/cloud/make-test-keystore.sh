#!/bin/sh
# Makes the simulated cloud's TEST certificates with the JDK's keytool, into this folder:
#   cloud-test-ca.p12      the test CA (key and self-signed certificate), alias "ca"
#   cloud-test-ca.pem      the test CA's certificate alone, for clients that trust it
#   cloud-test-server.p12  the server's key and its certificate issued by the test CA, alias "server",
#                          with the CA's certificate in its chain; SAN IP:127.0.0.1 and DNS:localhost
# Every key here is PUBLIC (its password is written below): test and demo only, never for a real cloud.
# Both certificates are valid for 30 years (10958 days) from the day the script runs. Run it again to renew
# them; the pins the simulated cloud prints change with the keys.
set -eu
cd "$(dirname "$0")"
PASS=gridside-test
DAYS=10958
rm -f cloud-test-ca.p12 cloud-test-ca.pem cloud-test-server.p12 server.csr server.pem

keytool -genkeypair -keystore cloud-test-ca.p12 -storetype PKCS12 -storepass "$PASS" -alias ca \
    -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity "$DAYS" \
    -dname "CN=Gridside test cloud CA, O=Gridside test" -ext bc:c=ca:true,pathlen:0 -ext ku:c=keyCertSign,cRLSign
keytool -exportcert -rfc -keystore cloud-test-ca.p12 -storepass "$PASS" -alias ca -file cloud-test-ca.pem

keytool -genkeypair -keystore cloud-test-server.p12 -storetype PKCS12 -storepass "$PASS" -alias server \
    -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity "$DAYS" \
    -dname "CN=localhost, O=Gridside test"
keytool -certreq -keystore cloud-test-server.p12 -storepass "$PASS" -alias server -file server.csr
keytool -gencert -keystore cloud-test-ca.p12 -storepass "$PASS" -alias ca -infile server.csr -outfile server.pem \
    -rfc -validity "$DAYS" -sigalg SHA256withECDSA \
    -ext san=ip:127.0.0.1,dns:localhost -ext ku:c=digitalSignature -ext eku=serverAuth -ext bc:c=ca:false
keytool -importcert -noprompt -keystore cloud-test-server.p12 -storepass "$PASS" -alias ca -file cloud-test-ca.pem
keytool -importcert -keystore cloud-test-server.p12 -storepass "$PASS" -alias server -file server.pem
rm -f server.csr server.pem
