# Editing requirements.txt: its COPY misses, so the pip install and everything after it run again.
docker build -t demo-image .
echo '# pinned for the course' >> requirements.txt
docker build -t demo-image .
