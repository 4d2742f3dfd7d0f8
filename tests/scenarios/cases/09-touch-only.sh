# touch changes only mtimes, which the build cache ignores: everything stays CACHED.
docker build -t demo-image .
touch requirements.txt app/main.py
docker build -t demo-image .
