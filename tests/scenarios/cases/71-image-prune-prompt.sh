# docker image prune asks first: with no answer nothing goes, with y the dangling image goes.
# off-path
docker build -t demo-image .
echo '# changed' >> app/main.py
docker build -t demo-image .
docker image prune
docker images --filter dangling=true -q | wc -l
echo y | docker image prune
docker images --filter dangling=true -q | wc -l
