# chmod changes a file's mode, which COPY's checksum includes: a miss from that COPY on.
docker build -t demo-image .
chmod 755 requirements.txt
docker build -t demo-image .
